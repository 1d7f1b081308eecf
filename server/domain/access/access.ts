// Accounts and scope, the pure part: the jurisdiction tree, the role × action table,
// the login limiter and the jurisdictions' video-retention requirement.
export * from './types.ts';
export * from './hierarchy.ts';
export * from './permissions.ts';
export * from './login-limiter.ts';
export * from './retention.ts';
export * from './validate.ts';
