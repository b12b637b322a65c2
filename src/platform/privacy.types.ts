/** WeChat's question before a privacy API runs while the member has not agreed to the 用户隐私保护指引. */
export interface PrivacyRequest {
  /** The agree button's id: WeChat checks that the agreement came from that open-type button. */
  agree(buttonId: string): void
  disagree(): void
}

/** The platform's privacy agreement (weapp base library ≥ 2.32.3) and the one privacy API the app uses. */
export interface Privacy {
  /** Whether the platform asks before privacy APIs (false on H5 and on older WeChat). */
  supported: boolean
  /** Called when a privacy API needs the member's agreement first; the app shows its own popup. */
  onNeedAuthorization(handler: (request: PrivacyRequest) => void): void
  /** Whether agreement is still needed, and the guide's name as entered in the admin console. */
  setting(): Promise<{ needAuthorization: boolean; contractName: string }>
  /** Opens the 用户隐私保护指引 page. */
  openContract(): Promise<void>
  /** Copies text to the clipboard (on weapp a privacy API: it may ask for agreement first). */
  copy(text: string): Promise<boolean>
}
