/** 职称评审 domain (issue #8): application record, state machine, eligibility, committee, certificates. */
export * from './applicationFields';
export * from './application';
export * from './stateMachine';
export * from './eligibility';
export * from './committee';
export * from './certificate';
export * from './sampleApplication';
export * from './exports';
