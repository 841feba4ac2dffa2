export type ExtractionErrorCode = 'EMPTY' | 'BINARY' | 'UNKNOWN_ENCODING' | 'TOO_LARGE' | 'READ_FAILED';

/** Bad input to the pipeline: the caller can report `code` and skip the article. */
export class ExtractionError extends Error {
  constructor(
    readonly code: ExtractionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ExtractionError';
  }
}
