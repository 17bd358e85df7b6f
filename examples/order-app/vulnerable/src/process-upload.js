const { execSync } = require('node:child_process');

// Makes a thumbnail of every uploaded image.
exports.handler = async (event) => {
  for (const record of event.Records) {
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    execSync(`convert /tmp/${key} -resize 200x200 /tmp/thumb-${key}`);
    // The thumbnail goes back into the upload bucket, which triggers the function again.
    await s3.send(new PutObjectCommand({ Bucket: record.s3.bucket.name, Key: `thumbnails/${key}` }));
  }
};

const { S3Client, PutObjectCommand } = require('@aws-sdk/client-s3');
const s3 = new S3Client({});
