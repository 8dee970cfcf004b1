"""newsclean inside other pipelines: `integrations.datatrove.NewsCleanStep` (needs the
`integrations` extra: pip install 'newsclean[integrations]')."""
