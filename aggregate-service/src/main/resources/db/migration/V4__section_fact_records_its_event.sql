-- A section event's id is its section's key (report, revision, extractor version, section index: SectionExtracted.
-- eventId), so the stored section is the record that its event was applied: sections are inserted with ON CONFLICT
-- DO NOTHING and only the new ones count (FactStore.insertNew). processed_event held the same fact a second time,
-- one more row and b-tree entry per section event (about 27 per report), in every batch's transaction.
-- Every event recorded there wrote its section in the same transaction, so nothing recorded is lost with it.
DROP TABLE processed_event;
