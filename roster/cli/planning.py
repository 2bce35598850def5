"""Commands on rosters: plan, publish, bench."""
