/**
 * A clock a test sets by hand, to cross birthdays and expiry dates without waiting.
 * It owes the gateway nothing but the shape of its Clock (`now()`), so tests do
 * not import the gateway's source for it.
 */
export class ManualClock {
  private current: Date;

  constructor(at: Date) {
    this.current = new Date(at.getTime());
  }

  now(): Date {
    return new Date(this.current.getTime());
  }

  set(at: Date): void {
    this.current = new Date(at.getTime());
  }
}
