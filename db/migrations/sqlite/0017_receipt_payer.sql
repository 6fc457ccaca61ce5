-- The payer (交款人) printed on a receipt: the house's owners' names on the day of payment,
-- fixed when the receipt is issued so that a reprint names the same people after owners
-- change. NULL for receipts issued before this column (receipts.h says what they show).
ALTER TABLE receipts ADD COLUMN payer TEXT;
