// The lifecycle screens in the route table (app/pages.tsx spreads them in),
// each open to the roles the server lets record that event.
import type { AppPage } from '../../app/pages';
import { ByproductsPage } from '../byproducts/byproducts-page';
import { CorrectPage } from '../corrections/correct-page';
import { ProcessPage } from '../processing/process-page';
import { ShipPage } from '../shipments/ship-page';
import { DispatchPage } from '../transfers/dispatch-page';
import { ReceivePage } from '../transfers/receive-page';

export const LIFECYCLE_PAGES: AppPage[] = [
  { path: '/dispatch', access: 'transfers:dispatch', element: <DispatchPage /> },
  { path: '/receive', access: 'transfers:receive', element: <ReceivePage /> },
  { path: '/process', access: 'processing:record', element: <ProcessPage /> },
  { path: '/byproducts', access: 'byproducts:utilise', element: <ByproductsPage /> },
  { path: '/ship', access: 'shipments:record', element: <ShipPage /> },
  { path: '/correct', access: 'corrections:record', element: <CorrectPage /> },
];
