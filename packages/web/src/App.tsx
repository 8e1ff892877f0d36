import { lazy } from "solid-js";
import { Route, Router } from "@solidjs/router";
import { Layout } from "./components/Layout";
import { SessionProvider } from "./session";

const Home = lazy(() => import("./pages/Home"));
const SignUp = lazy(() => import("./pages/SignUp"));
const SignIn = lazy(() => import("./pages/SignIn"));
const Verify = lazy(() => import("./pages/Verify"));
const ForgotPassword = lazy(() => import("./pages/ForgotPassword"));
const ResetPassword = lazy(() => import("./pages/ResetPassword"));
const ConfirmEmail = lazy(() => import("./pages/ConfirmEmail"));
const Account = lazy(() => import("./pages/Account"));
const AdminMembers = lazy(() => import("./pages/AdminMembers"));
const Imprint = lazy(() => import("./pages/Legal").then((m) => ({ default: m.Imprint })));
const Privacy = lazy(() => import("./pages/Legal").then((m) => ({ default: m.Privacy })));
const NotFound = lazy(() => import("./pages/NotFound"));

/** Every page of the app; shared by the browser router and the tests' memory router. */
export const appRoutes = () => (
  <>
    <Route path="/" component={Home} />
    <Route path="/signup" component={SignUp} />
    <Route path="/signin" component={SignIn} />
    <Route path="/verify" component={Verify} />
    <Route path="/forgot-password" component={ForgotPassword} />
    <Route path="/reset-password" component={ResetPassword} />
    <Route path="/confirm-email" component={ConfirmEmail} />
    <Route path="/account" component={Account} />
    <Route path="/admin/members" component={AdminMembers} />
    <Route path="/impressum" component={Imprint} />
    <Route path="/datenschutz" component={Privacy} />
    <Route path="*" component={NotFound} />
  </>
);

export function App() {
  return (
    <SessionProvider>
      <Router root={Layout}>{appRoutes()}</Router>
    </SessionProvider>
  );
}
