/** Whether the network is reachable now, and a subscription to changes. */
export interface NetworkStatus {
  isOnline(): Promise<boolean>
  subscribe(listener: (online: boolean) => void): () => void
}
