/** Errors are values at module boundaries: a stable code plus a Chinese (and English) message. */
export type Result<T, E = AppError> = { ok: true; value: T } | { ok: false; error: E };

export interface AppError {
  /** Stable, machine-readable code, e.g. `FILE_TOO_LARGE`. */
  code: string;
  /** Message for the clerk, Simplified Chinese. */
  message: string;
  /** English message for the English UI. */
  messageEn?: string;
}

export function ok<T>(value: T): Result<T, never> {
  return { ok: true, value };
}

export function err<E = AppError>(error: E): Result<never, E> {
  return { ok: false, error };
}
