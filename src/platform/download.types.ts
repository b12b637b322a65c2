/** A file the server makes for the member (the organization export), fetched with the member's token. */
export interface DownloadRequest {
  url: string
  headers: Record<string, string>
  /** The name to save it under (H5) or the document type to open it as (weapp). */
  fileName: string
}

/** 'saved' (H5: handed to the browser as a download), 'opened' (weapp: shown by wx.openDocument), or an error message. */
export type DownloadOutcome = { ok: true; how: 'saved' | 'opened' } | { ok: false; message: string }

export interface Download {
  /** Fetches the file with the headers and gives it to the member. */
  save(request: DownloadRequest): Promise<DownloadOutcome>
}
