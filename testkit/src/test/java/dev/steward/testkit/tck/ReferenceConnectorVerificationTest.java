package dev.steward.testkit.tck;

/**
 * Runs the whole TCK against the reference connector, which declares every capability: every
 * rule must pass, none may be skipped.
 */
class ReferenceConnectorVerificationTest extends CustomerKit {}
