/**
 * A mistake in how faasguard was called: printed without a stack, exit code 2, followed by a
 * pointer to the command's help, unless `selfContained`: the message says where to look already,
 * and stays one line.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly selfContained = false,
  ) {
    super(message);
  }
}
