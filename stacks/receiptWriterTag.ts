/**
 * IAM tag that marks the roles allowed to set Object Lock retention while
 * writing receipts. The bucket policy exempts tagged roles from its deny on
 * `s3:PutObjectRetention`; the tag lets the Storage stack name the writers
 * without referring to roles that later stacks create.
 */
const RECEIPT_WRITER_TAG = { key: 'rovn:receipt-writer', value: 'true' };

/**
 * IAM tag of the role people assume to read and verify receipts; the
 * bucket policy denies receipt data to every untagged principal but
 * break-glass.
 */
const RECEIPT_READER_TAG = { key: 'rovn:receipt-reader', value: 'true' };

export { RECEIPT_READER_TAG, RECEIPT_WRITER_TAG };
