// Stand-in for a package a runtime must not import: that runtime's tsconfig maps the package's name here
// (docs/architecture.md). It has no types, so the type-check fails ("Could not find a declaration file for module
// 'electron'. '…/boundaries/notInThisRuntime.js' implicitly has an 'any' type"); were it ever bundled, it throws.
throw new Error('Okta Prep: a package was imported by a runtime that must not use it (see docs/architecture.md)');
