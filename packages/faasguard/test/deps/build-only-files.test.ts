import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cdkInfrastructureTest, isTestOrBuildFile } from '../../src/deps/build-only-files.js';
import { isVendoredPath, vendoredFileTest } from '../../src/discover/vendored-files.js';

describe('files that are never deployed', () => {
  it('recognises tests and build configuration', () => {
    for (const f of ['tests/unit/app.test.mjs', '__tests__/handler.js', 'src/orders.spec.ts', 'test_app.py', 'pkg/app_test.py', 'conftest.py', 'webpack.config.js', 'jest.config.ts', 'vite.config.mjs', 'esbuild.mjs', '.babelrc.js', 'setup.py']) {
      assert.ok(isTestOrBuildFile(f), f);
    }
  });

  it('keeps handler code', () => {
    for (const f of ['app.py', 'src/handler.ts', 'testimonials/app.js', 'contest.py', 'lib/config.js', 'latest.ts']) {
      assert.ok(!isTestOrBuildFile(f), f);
    }
  });

  it('marks bin/ and lib/ of a CDK app only', () => {
    const infra = cdkInfrastructureTest([{ rel: 'infra/cdk.json' }, { rel: 'infra/lib/stack.ts' }]);
    assert.ok(infra('infra/lib/stack.ts'));
    assert.ok(infra('infra/bin/app.ts'));
    assert.ok(!infra('infra/lambda/handler.ts'));
    assert.ok(!infra('service/lib/util.js'));
  });
});

describe('installed third-party packages', () => {
  it('recognises vendor folders and virtual environments', () => {
    for (const f of ['vendor/acme/client.py', 'layer/python/lib/python3.12/site-packages/x/y.py', '.venv/lib/z.py', 'pkg/requests-2.31.0.dist-info/METADATA']) {
      assert.ok(isVendoredPath(f), f);
    }
    assert.ok(!isVendoredPath('src/vendors.py'));
  });

  it('treats the packages of a pip install target as installed, its own top-level files as the project', () => {
    const vendored = vendoredFileTest([{ rel: 'deps/python/boto3-1.29.7.dist-info/METADATA' }, { rel: 'deps/python/botocore/data/x.json' }]);
    assert.ok(vendored('deps/python/botocore/data/x.json'));
    assert.ok(!vendored('deps/python/layer_config.py'));
    assert.ok(!vendored('src/app.py'));
  });
});
