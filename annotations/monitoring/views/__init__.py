"""The monitoring pages: search and the Gender Index (`search`), delegations, profiles
and country groups (`delegations`); each page has its CSV twin beside it."""
