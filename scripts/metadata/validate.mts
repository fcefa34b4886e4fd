/** npm run validate: the project's metadata check (see checkMetadata.mts). */
import { checkMetadata, listBundles } from './checkMetadata.mts';
import { projectRoot } from '../lib/paths.mts';

const problems = checkMetadata(projectRoot);
if (problems.length > 0) {
    for (const problem of problems) {
        console.error(`✖ [${problem.rule}] ${problem.message}`);
    }
    console.error(`validate: ${problems.length} metadata problem(s).`);
    process.exit(1);
}
console.log(
    `validate: metadata OK (${listBundles(projectRoot).length} component bundles checked).`
);
