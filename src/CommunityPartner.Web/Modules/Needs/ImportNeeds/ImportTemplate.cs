using CommunityPartner.Web.Platform.Web;

namespace CommunityPartner.Web.Modules.Needs.ImportNeeds;

/// <summary>The downloadable template: the accepted columns and one example row to overwrite.</summary>
public static class ImportTemplate
{
    public static SheetTable Table() => new(
        ImportSheet.Columns,
        [["楼道灯不亮（示例，请替换）", "设施维修", "2025-04-03", "已解决", "3 栋 2 单元", "晚上楼道一片黑", "热线电话", "2025-04-03", "2025-04-08", "已更换灯泡", ""]]);
}
