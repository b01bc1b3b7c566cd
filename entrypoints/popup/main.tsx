import { createRoot } from 'react-dom/client';
createRoot(document.getElementById('root')!).render(<p>Kiểm đếm TTHC</p>);
