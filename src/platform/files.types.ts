/** A store of named text files: whole issues live here (weapp file system, H5 IndexedDB), not in key-value storage. */
export interface FileStore {
  read(name: string): Promise<string | null>
  /** Throws StorageFullError when the platform refuses the write for lack of space. */
  write(name: string, text: string): Promise<void>
  remove(name: string): Promise<void>
  list(): Promise<string[]>
}
