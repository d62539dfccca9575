// The Access Analyzer client and command, loaded on first use through SdkClients.accessAnalyzer(): only a
// plan with SCPs or RCPs to check needs them.

export { AccessAnalyzerClient, ValidatePolicyCommand } from '@aws-sdk/client-accessanalyzer';
