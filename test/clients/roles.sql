-- As the admin (a superuser): a login for BI tools and analysts, and one for the loading job.
CREATE ROLE bi_reader LOGIN;
SELECT migchain.grant_analyst('bi_reader');
CREATE ROLE etl LOGIN;
SELECT migchain.grant_loader('etl');
