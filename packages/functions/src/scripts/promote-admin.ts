// `npm run promote-admin -- <e-mail>`: makes a signed-up, verified account an approved admin.
// Against AWS: run with AWS credentials, VERNETZT_MODE=aws and TABLE_NAME set to the stage's table.
import { promoteToAdmin } from "@vernetzt/core/member/members";

const email = process.argv[2];
if (!email) {
  console.error("Usage: npm run promote-admin -- <e-mail address>");
  process.exit(2);
}
promoteToAdmin(email).then(
  (member) => console.log(`${member.name} <${member.email}> is now an approved admin.`),
  (err: Error) => {
    console.error(`Could not promote ${email}: ${err.message}`);
    process.exit(1);
  },
);
