using System.Diagnostics.CodeAnalysis;

// The shared app factory (tests/Shared, linked into every web test project) lives in
// Indgang.Tests.Shared; "Shared" is a Visual Basic keyword, which does not matter for a test assembly.
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Scope = "namespace", Target = "~N:Indgang.Tests.Shared", Justification = "Test-only namespace, never consumed from Visual Basic.")]
