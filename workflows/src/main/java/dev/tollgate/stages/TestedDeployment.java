package dev.tollgate.stages;

/** A deployment and the smoke test run against it, from one deploy call. */
public record TestedDeployment(Deployment deployment, SmokeTestResult smoke) {}
