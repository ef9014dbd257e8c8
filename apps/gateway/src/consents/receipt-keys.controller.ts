import { Controller, Get, Header } from '@nestjs/common';
import { KringCrypto, type ReceiptPublicKey } from '@kring/crypto';
import { Public } from '../identity/access.decorator';

/**
 * `GET /.well-known/kring-receipt-keys`: the public keys that verify consent receipts, as a JSON
 * Web Key Set (RFC 7517, Ed25519 keys per RFC 8037). The current key first, then every previous
 * one, so a receipt signed before a rotation still verifies. Public: it holds no personal data.
 */
@Controller('.well-known')
export class ReceiptKeysController {
  constructor(private readonly crypto: KringCrypto) {}

  @Public()
  @Get('kring-receipt-keys')
  @Header('cache-control', 'public, max-age=300')
  keys(): { keys: ReceiptPublicKey[] } {
    return { keys: this.crypto.receiptSigner.publicKeys() };
  }
}
