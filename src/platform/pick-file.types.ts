/** A file the member chose, read whole (issue files are at most a few MB). */
export interface PickedFile {
  name: string
  size: number
  /** The bytes, base64 (what the preview route takes). */
  base64: string
}

/** The file, or why there is none: the member closed the chooser (`cancelled`), or a sentence to show. */
export type PickOutcome = { ok: true; file: PickedFile } | { ok: false; cancelled: boolean; message: string }

export interface FilePicker {
  /** How the member chooses a file here (「选择文件」 in a browser, 「从微信聊天中选择文件」 on weapp). */
  readonly label: string
  /** Lets the member choose one file with one of the extensions (without dots); files over maxBytes are refused. */
  pick(extensions: readonly string[], maxBytes: number): Promise<PickOutcome>
}
