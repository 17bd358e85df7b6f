const { execSync } = require('node:child_process');

// Makes a thumbnail of every uploaded image.
exports.handler = async (event) => {
  for (const record of event.Records) {
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    execSync(`convert /tmp/${key} -resize 200x200 /tmp/thumb-${key}`);
  }
};
