const { execFileSync } = require('node:child_process');
const path = require('node:path');

// Makes a thumbnail of every uploaded image.
exports.handler = async (event) => {
  for (const record of event.Records) {
    const key = path.basename(decodeURIComponent(record.s3.object.key.replace(/\+/g, ' ')));
    if (!/^[\w.-]+\.(png|jpe?g)$/i.test(key)) continue;
    execFileSync('convert', [`/tmp/${key}`, '-resize', '200x200', `/tmp/thumb-${key}`]);
  }
};
