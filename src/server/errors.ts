/**
 * API errors: an HTTP status, a stable machine code and a message a person can act on (Chinese).
 * Every error response has the shape `{ statusCode, code, message, details? }`.
 */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const badRequest = (message: string, details?: unknown) => new ApiError(400, 'bad_request', message, details);
export const unauthorized = () => new ApiError(401, 'unauthorized', '请先登录');
export const forbidden = (message = '无权执行此操作') => new ApiError(403, 'forbidden', message);
export const notFound = (message: string) => new ApiError(404, 'not_found', message);
export const conflict = (message: string, details?: unknown) => new ApiError(409, 'conflict', message, details);
export const invalidInput = (message: string, details?: unknown) => new ApiError(422, 'invalid_input', message, details);
/** The server is at capacity: try again after `retryAfterSeconds` (sent as the Retry-After header). */
export const busy = (retryAfterSeconds: number) =>
  new ApiError(503, 'busy', `正在处理的文件过多，请 ${retryAfterSeconds} 秒后再试`, { retryAfterSeconds });
