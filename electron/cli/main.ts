// pai-admin: the command-line interface over the same core as the app (filled by the bundles/CLI issue).
console.log('pai-admin: not yet available')
