// The console page's script: the elements, then the page's one element (the page itself holds no inline script).
import './define.js';

document.body.append(document.createElement('fd-staff-console'));
