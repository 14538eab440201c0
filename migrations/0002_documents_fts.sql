-- Full-text index over document passages. `folded` holds the passage without
-- diacritics (đ→d), and queries are folded the same way, so "sinh hoat chuyen de"
-- finds "sinh hoạt chuyên đề". Triggers keep it in step with document_passages.
CREATE VIRTUAL TABLE `document_passages_fts` USING fts5(`folded`, tokenize = 'unicode61');
--> statement-breakpoint
CREATE TRIGGER `document_passages_fts_insert` AFTER INSERT ON `document_passages` BEGIN
  INSERT INTO `document_passages_fts` (`rowid`, `folded`) VALUES (new.`id`, new.`folded`);
END;
--> statement-breakpoint
CREATE TRIGGER `document_passages_fts_delete` AFTER DELETE ON `document_passages` BEGIN
  DELETE FROM `document_passages_fts` WHERE `rowid` = old.`id`;
END;
