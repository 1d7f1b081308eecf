// The rule profiles are data shared with the dashboard (its charts draw the same
// limits the rules judge by), so they live in contracts/; the domain reads them here.
export * from '../../contracts/profiles.ts';
