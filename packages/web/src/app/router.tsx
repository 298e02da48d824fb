import { createBrowserRouter } from 'react-router';
import { AppLayout } from './layout/app-layout';
import { NotFoundPage } from './not-found-page';
import { PageGuard } from './page-guard';
import { APP_PAGES } from './pages';
import { RouteErrorPage } from './route-error-page';

export type AppRouter = ReturnType<typeof createBrowserRouter>;

export function createAppRouter(): AppRouter {
  const pageRoutes = APP_PAGES.flatMap((page) =>
    [page.path, ...(page.aliases ?? [])].map((path) => ({
      path,
      element: <PageGuard page={page}>{page.element}</PageGuard>,
    })),
  );
  return createBrowserRouter([
    {
      element: <AppLayout />,
      children: [
        {
          // Inside the layout, so that a page that crashes still shows the header and its navigation.
          errorElement: <RouteErrorPage />,
          children: [...pageRoutes, { path: '*', element: <NotFoundPage /> }],
        },
      ],
    },
  ]);
}
