import type { Bearer, World } from './factories';
import type { GraphQLAnswer, TestGateway } from './test-gateway';

/** Asking the gateway as a bearer of a world: the answer, the data of an answer without errors, and an error's code. */
export function asking(sut: TestGateway, world: World) {
  const ask = async <T>(bearer: Bearer, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLAnswer<T>> => sut.graphql<T>(query, { token: await world.tokenFor(bearer), variables });
  const ok = async <T>(bearer: Bearer, query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const answer = await ask<T>(bearer, query, variables);
    expect(answer.errors).toBeUndefined();
    return answer.data as T;
  };
  const codeOf = (answer: GraphQLAnswer<unknown>) => answer.errors?.[0]?.extensions?.['code'];
  return { ask, ok, codeOf };
}
