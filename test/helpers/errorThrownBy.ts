// What a call throws, for tests that then check it; a call that does not throw fails the test right there.
export function errorThrownBy(run: () => unknown, expectation = 'expected the call to throw'): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error(expectation);
}

/** What an async call rejects with; a call that resolves fails the test right there. */
export async function errorRejectedBy(
  run: () => Promise<unknown>,
  expectation = 'expected the call to fail',
): Promise<Error> {
  try {
    await run();
  } catch (error) {
    return error as Error;
  }
  throw new Error(expectation);
}
