// What a call throws, for tests that then check it; a call that does not throw fails the test right there.
export function errorThrownBy(run: () => unknown, expectation = 'expected the call to throw'): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error(expectation);
}
