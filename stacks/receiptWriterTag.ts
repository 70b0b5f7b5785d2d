/**
 * IAM tag that marks the roles allowed to set Object Lock retention while
 * writing receipts. The bucket policy exempts tagged roles from its deny on
 * `s3:PutObjectRetention`; the tag lets the Storage stack name the writers
 * without referring to roles that later stacks create.
 */
const RECEIPT_WRITER_TAG = { key: 'rovn:receipt-writer', value: 'true' };

export { RECEIPT_WRITER_TAG };
