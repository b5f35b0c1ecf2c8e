/** The antd theme. The font stack reaches a CJK face on Windows, macOS, UOS/Kylin and other Linux desktops. */
import type { ThemeConfig } from 'antd';

export const FONT_STACK =
  '-apple-system, "Segoe UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

export const appTheme: ThemeConfig = {
  token: {
    colorPrimary: '#1677ff',
    fontFamily: FONT_STACK,
  },
  components: {
    Layout: {
      headerBg: '#ffffff',
      siderBg: '#ffffff',
      headerHeight: 56,
      headerPadding: '0 20px',
    },
  },
};
