using SerAdapt.Engine;

namespace SerAdapt.Evaluation.Tests;

public class NearestNeighboursTests
{
    [Fact]
    public void Search_OnALine_FindsClosestInOrder()
    {
        var reference = Matrix.FromArray(new float[,] { { 0 }, { 1 }, { 3 }, { 7 } });
        var queries = Matrix.FromArray(new float[,] { { 2.9f }, { 6 } });
        var (idx, d2) = NearestNeighbours.Search(queries, reference, 2);
        Assert.Equal([2, 1, 3, 2], idx);
        Assert.Equal(0.01f, d2[0], 4);
        Assert.Equal(3.61f, d2[1], 4);
        Assert.Equal(1f, d2[2], 4);
        Assert.Equal(9f, d2[3], 4);
    }

    [Fact]
    public void Search_ExcludeSelf_NeverReturnsThePointItself()
    {
        var m = Matrix.FromArray(new float[,] { { 0, 0 }, { 0, 1 }, { 5, 5 } });
        var (idx, _) = NearestNeighbours.Search(m, m, 1, excludeSelf: true);
        Assert.Equal([1, 0, 1], idx);
    }

    [Fact]
    public void Search_KLargerThanReference_Throws()
    {
        var m = new Matrix(3, 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => NearestNeighbours.Search(m, m, 3, excludeSelf: true));
    }
}
