-- The annual report's index: the small columns it selects and groups records
-- by. In the table they sit after the large body and fields columns, so that
-- testing a record's dates there reads the whole record; here the report
-- finds the records a year touched, domain by domain and item by item in
-- formation order, and counts the year's publications, without reading the
-- records it leaves out.
CREATE INDEX records_report ON records (domain, item_id, formed_on, id, due_on, published_on, unit_id, mode, uuid, exemption);
