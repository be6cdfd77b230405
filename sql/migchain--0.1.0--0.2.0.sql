-- migchain 0.1.0 -> 0.2.0: the changes since 0.1.0, in the order of CHANGELOG.md.
-- Every change to sql/install/ must be made here too; test/t/040_upgrade.pl
-- checks that an updated 0.1.0 has exactly the objects of a fresh install.

\echo Use "ALTER EXTENSION migchain UPDATE TO '0.2.0'" to load this file. \quit

-- (no changes yet)
