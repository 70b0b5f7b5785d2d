import { RovnError } from '../../../core/src/errors';

/** `moto_server` is not on PATH, so the local AWS cannot start. */
class MotoNotInstalledError extends RovnError {
  override readonly name = 'MotoNotInstalledError';

  constructor(options: { cause?: unknown } = {}) {
    super(
      "moto_server was not found on PATH; install it with: python3 -m pip install 'moto[server]'",
      options,
    );
  }
}

/** `moto_server` started but did not answer, or exited before it did. */
class MotoStartError extends RovnError {
  override readonly name = 'MotoStartError';
}

/** A call to moto's own management API (`/moto-api/...`) failed. */
class MotoApiError extends RovnError {
  override readonly name = 'MotoApiError';
}

export { MotoApiError, MotoNotInstalledError, MotoStartError };
