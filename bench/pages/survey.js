// One widget's page as the script tag serves it: the autoloader's share plus Lit, core and the widget.
import '@frontdesk/survey/define';
