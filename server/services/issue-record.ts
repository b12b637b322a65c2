// Issue ids are defined once, in the domain's publishing path; kept here so the schemas' import stays valid.
export { ISSUE_ID_MAX, ISSUE_ID_PATTERN, isIssueId } from '../../src/domain/publish'
