/** Offline copies of attached audio (听), kept by name (`<sha256>.<ext>`) apart from the issues' text files. */
export interface AudioFileStore {
  /** Downloads `url` and keeps it under `name`; resolves to its size in bytes. Throws StorageFullError when full. */
  save(url: string, name: string): Promise<number>
  /** Something the platform's player can play (weapp: a local path; H5: a blob: URL), or null when not kept. */
  src(name: string): Promise<string | null>
  remove(name: string): Promise<void>
}
