package io.fazhi.ingest;

/** A government web page as offices publish them: the article inside navigation, scripts and footers. */
final class Pages {
    private Pages() {}

    static String withChrome(String articleHtml) {
        return """
                <!DOCTYPE html>
                <html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">
                <title>江门市司法局2019年法治政府建设年度报告_江门市人民政府门户网站</title>
                <script>var tracker = 1; alert('x');</script><style>.a{color:red}</style></head>
                <body>
                <div class="top-header"><h1 class="logo">江门市人民政府门户网站</h1>
                  <ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li>
                  <li><a href="/map">网站地图</a></li></ul></div>
                <div class="breadcrumb"><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 法治政府建设</div>
                <div class="main">
                  <div class="article">
                    <h2 class="title">江门市司法局2019年法治政府建设年度报告</h2>
                    <div class="info">发布时间：2020-03-25 来源：江门市司法局</div>
                    <div class="share"><a href="#">分享到</a> <a href="#">微信</a></div>
                    <div id="zoom" class="TRS_Editor">%s</div>
                  </div>
                  <div class="side-bar"><h3>相关链接</h3><ul><li><a href="/a">江门市2019年政府工作报告全文</a></li>
                    <li><a href="/b">关于印发江门市法治政府建设实施方案的通知</a></li></ul></div>
                </div>
                <script>document.write('<p>广告</p>');</script>
                <div class="footer"><p>主办单位：江门市人民政府办公室 粤ICP备05078975号</p><p>网站标识码4407000001</p></div>
                </body></html>
                """.formatted(articleHtml);
    }
}
